"""Learned scores beside the rules: how check-worthy a sentence is, and how hedged.

Two linear models (resources/models/), trained by tools/train_models.py on
public annotated data, read sentences through `features.py`, the same code
at training and at run time. Scoring is pure Python: a sum of weights.
"""
