package cn.govflow.application;

/** How a material reached the case: uploaded, taken from an e-licence (R8 用证免交), or handed in on paper. */
public enum MaterialSource {
    UPLOAD,
    E_LICENCE,
    PAPER
}
