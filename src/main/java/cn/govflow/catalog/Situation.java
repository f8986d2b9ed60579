package cn.govflow.catalog;

import java.util.List;
import java.util.Optional;

/** A business situation (业务情形) of an item with exactly the materials it needs (R11, R15). */
public record Situation(String code, String name, List<Material> materials) {

    public Situation {
        materials = List.copyOf(materials);
    }

    public Optional<Material> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** The materials the applicant must supply: everything 两个免于提交 does not exempt. */
    public List<Material> required() {
        return materials.stream().filter(m -> !m.exempt()).toList();
    }
}
