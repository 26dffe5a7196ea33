"""Checks that an exported Keras script names only things it defines or imports, without Keras.

    python3 resolve_names.py SCRIPT.py [SCRIPT.py ...]

`python3 -m py_compile` finds syntax errors but not a name the script never defines (a NameError
only when the model is built). This installs a stand-in `keras` whose every attribute, call and
subclass succeeds, imports each script, and builds everything the experiment section declares:
every `model_*()` and, per train, its optimizer, metrics and callbacks. A name that is neither
Python's, the runtime's, imported, nor Keras' fails with its NameError. Prints "ok" per script.
"""
import importlib.util
import sys
import types


class _AnyClass(type):
    def __getattr__(cls, name):
        return Anything


class Anything(metaclass=_AnyClass):
    """Stands for every Keras name: any attribute, call or subclass."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return Anything

    def __call__(self, *args, **kwargs):
        return Anything()


def stand_in(name):
    module = types.ModuleType(name)
    module.__getattr__ = lambda attribute: Anything
    return module


for name in ("keras", "keras.regularizers", "keras.layers", "keras.callbacks", "keras.optimizers",
             "keras.metrics", "keras.utils"):
    sys.modules[name] = stand_in(name)

for index, path in enumerate(sys.argv[1:]):
    spec = importlib.util.spec_from_file_location(f"exported_{index}", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for attribute in dir(script):
        if attribute.startswith("model_"):
            getattr(script, attribute)()
    for train in script.TRAINS:
        train["optimizer"]()
        for metric in train["metrics"]:
            if callable(metric):
                metric()
        if "callbacks" in train:
            train["callbacks"]()
    print(f"ok {path}")
