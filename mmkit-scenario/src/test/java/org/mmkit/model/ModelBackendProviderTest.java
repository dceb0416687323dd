package org.mmkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.mmkit.backend.Backend;
import org.mmkit.backend.BackendProvider;
import org.mmkit.core.KernelConfig;

/** A library user with only this module finds the model through {@link ServiceLoader}. */
class ModelBackendProviderTest {
    @Test
    void theModelIsTheOnlyProviderOfThisModule() throws Exception {
        var providers = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(providers).singleElement().extracting(BackendProvider::name).isEqualTo("model");
        try (Backend model = providers.getFirst().create(KernelConfig.linux618())) {
            assertThat(model.name()).isEqualTo("model");
            assertThat(model.newProcess(false)).isPositive();
        }
    }
}
