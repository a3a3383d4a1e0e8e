package com.storecrm.crm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features are modules: no cycles, no reaching into another feature's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CrmApplication.class);

    @Test
    void featuresRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
