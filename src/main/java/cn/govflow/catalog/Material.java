package cn.govflow.catalog;

/**
 * One material of a business situation. {@code exempt}: 两个免于提交 applies, the government obtains it itself
 * (R8); {@code paper}: it must be handed in on paper (R15).
 */
public record Material(String code, String name, boolean exempt, boolean paper) {}
