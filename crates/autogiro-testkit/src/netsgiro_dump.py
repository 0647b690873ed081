"""What the Python library netsgiro reads in each file named on the command line, a line each
transaction or mandate, fields separated by tabs, empty where netsgiro has none:

    file    PATH
    error   WHAT NETSGIRO RAISED
    tx      SERVICE TYPE NUMBER DATE AMOUNT_IN_ORE KID SIGN
    mandate SERVICE NUMBER REGISTRATION_TYPE KID NOTIFY

The peer test of autogiro-model (tests/model/peer.rs) compares these lines with its own
reading. Run by autogiro-testkit's Netsgiro in a virtual environment of its own.
"""

import sys

import netsgiro


def field(value):
    if value is None:
        return ""
    if hasattr(value, "value"):  # an enum
        return str(value.value)
    return str(value)


def dump(path):
    print("file", path, sep="\t")
    with open(path, encoding="iso-8859-1") as f:
        data = f.read()
    try:
        transmission = netsgiro.parse(data)
    except Exception as e:  # what the peer refuses is reported, not fatal
        print("error", f"{type(e).__name__}: {e}".replace("\n", " "), sep="\t")
        return
    for assignment in transmission.assignments:
        for t in assignment.transactions:
            if isinstance(t, netsgiro.Agreement):
                print(
                    "mandate",
                    field(t.service_code),
                    t.number,
                    field(t.registration_type),
                    field(t.kid),
                    "J" if t.notify else "N",
                    sep="\t",
                )
            else:
                print(
                    "tx",
                    field(t.service_code),
                    field(t.type),
                    t.number,
                    t.date.isoformat(),
                    t.amount_in_cents,
                    field(t.kid),
                    field(getattr(t, "sign", None)),
                    sep="\t",
                )


for name in sys.argv[1:]:
    dump(name)
