"""The 22 items of 抚顺市基本养老服务清单 as code, and the dated policy parameters."""
