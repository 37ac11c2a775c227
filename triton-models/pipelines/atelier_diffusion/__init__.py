"""Shared code of Atelier's Triton BLS text-to-image pipelines (model_repository/{flux2,sdxl,sd35-large}/1/model.py).

numpy and the standard library only, besides triton_python_backend_utils in pipeline.py and the
tokenizers each model.py loads. samplers.py and png.py import nothing of Triton, so they can be
tested on a machine without it (see ../test_samplers.py).
"""
