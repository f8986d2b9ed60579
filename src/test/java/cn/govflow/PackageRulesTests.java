package cn.govflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of docs/adr/0016: packages by feature without cycles between them, and the base packages
 * ({@code calendar}, {@code catalog}, {@code system}) that every feature may use depend on no feature.
 */
@AnalyzeClasses(packages = "cn.govflow", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTests {

    /** The packages every feature may use; they use only each other. */
    static final String[] BASE = {"cn.govflow.calendar..", "cn.govflow.catalog..", "cn.govflow.system.."};

    @ArchTest
    static final ArchRule noCyclesBetweenFeaturePackages = slices().matching("cn.govflow.(*)..")
            .namingSlices("package $1")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule basePackagesDependOnNoFeature = noClasses()
            .that()
            .resideInAnyPackage(BASE)
            .should()
            .dependOnClassesThat(resideInAPackage("cn.govflow..").and(resideOutsideOfPackages(BASE)))
            .because("calendar, catalog and system are what the features build on");
}
