package com.atelier.governance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the packages of governance a hierarchy: each package owns one concern and may use the ones below it, never
 * one that uses it back. A cycle means two concerns can no longer be read, changed or tested apart.
 */
@AnalyzeClasses(packages = "com.atelier.governance", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    // "(**)" captures the whole package below governance, so library.lora, library.prompt and policy.prompt are
    // slices of their own rather than parts of library and policy
    @ArchTest
    static final ArchRule noPackageDependsOnAPackageThatDependsOnIt = slices()
            .matching("com.atelier.governance.(**)")
            .should().beFreeOfCycles();
}
