"""社区养老服务台账 — the eldercare register for Fushun's community workers."""

__version__ = "0.1.0"
