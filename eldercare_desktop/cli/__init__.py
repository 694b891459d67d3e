"""The ``eldercare`` console tool over the services (FORMATS.md §3).

Exit status: 0 done, 1 the input was refused (messages on stderr), 2 usage or file error.
No traceback ever reaches the user: unexpected errors go to the log file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from . import argparse_zh
from .common import EXIT_REFUSED, EXIT_USAGE, Console, Refused, UsageError

log = logging.getLogger("eldercare.cli")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    db_parent = argparse.ArgumentParser(add_help=False)
    db_parent.add_argument("--db", default=argparse.SUPPRESS, metavar="PATH_OR_URL",
                           help="数据库文件路径或SQLAlchemy地址（默认：ELDERCARE_DB或用户数据目录）")
    parser = argparse.ArgumentParser(prog="eldercare", description="社区养老服务台账 命令行工具")
    parser.add_argument("--db", default=None, metavar="PATH_OR_URL",
                        help="数据库文件路径或SQLAlchemy地址（默认：ELDERCARE_DB或用户数据目录）")
    sub = parser.add_subparsers(dest="command", metavar="命令", required=True)
    from . import register_cmds

    register_cmds.add_parsers(sub, db_parent)
    for extra in _extra_command_modules():
        extra.add_parsers(sub, db_parent)
    return parser


def _extra_command_modules() -> list:  # type: ignore[type-arg]
    """Command groups added by later capabilities (policy, entitlements, visits…)."""
    import importlib

    mods = []
    for name in ("policy_cmds", "entitlement_cmds", "visit_cmds"):
        try:
            mods.append(importlib.import_module(f"{__name__}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    return mods


def main(argv: Sequence[str] | None = None) -> int:
    from ..logging_setup import setup_logging

    setup_logging()
    con = Console()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args, con))
    except (UsageError,) as exc:
        con.err(f"错误：{exc}")
        return EXIT_USAGE
    except Refused as exc:
        con.err(str(exc))
        return EXIT_REFUSED
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        con.err("已中断，未完成的操作没有写入数据库。")
        return EXIT_REFUSED
    except Exception as exc:  # known errors carry Chinese messages; anything else is a bug
        code, message = classify(exc)
        if code is None:
            log.exception("unexpected error in command %s", getattr(args, "command", "?"))
            from ..logging_setup import log_file

            con.err(f"程序内部错误，操作未完成（已记录到日志：{log_file()}）")
            return EXIT_REFUSED
        con.err(f"错误：{message}")
        return code


def classify(exc: Exception) -> tuple[int | None, str]:
    """Known error types → (exit code, Chinese message); (None, "") for a bug."""
    from ..errors import known_error

    return known_error(exc)


if __name__ == "__main__":
    sys.exit(main())
