package com.atelier.integrations.inference;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.ModelCatalogue;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Answers governance's model questions from the inference client's model contracts, the same rules the GPU
 * side is built to, so a request that passes here is one Triton accepts.
 */
@ApplicationScoped
public class TritonModelCatalogue implements ModelCatalogue {

    @Override
    public List<String> textToImageModels() {
        return ModelCatalog.textToImageNames();
    }

    @Override
    public List<String> violations(String model, GenerationSpec spec) {
        return ModelCatalog.find(model)
                .flatMap(ModelContract::limits)
                .map(limits -> TritonRenderings.firstBatch(model, spec, limits).violations(limits))
                .orElse(List.of("unknown model '" + model + "'"));
    }
}
