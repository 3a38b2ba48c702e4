"""Runs moto_server (same arguments) with one fix to its signature check.

moto 5.2.5 rebuilds the signed request from the raw body only when that body is not
empty (`data=self._body or self._data` in moto/iam/access_control.py). A request
without a body (every GET and DELETE of a restJson1 service: Lambda's GetFunction,
API Gateway's GetRestApis, ...) is then hashed as the form encoding of its query
parameters, or of its headers when it has none, so a correct signature is rejected
with SignatureDoesNotMatch. botocore's own requests fail the same way against it.
AWS hashes the bytes that were sent, here none; so does the fix. A request with a
body is rebuilt exactly as before, and a wrong signature on a bodiless request is
still refused (test_moto_signing.rs checks both).
"""

import sys

from moto.iam import access_control
from moto.server import main

_rebuild = access_control.IAMRequestBase._create_aws_request


def _create_aws_request(self):
    # A form body reaches moto parsed (its raw body reads empty) and only `_data` holds
    # it: the length the client sent tells a bodiless request apart.
    if self._headers.get("Content-Length", "0") == "0" and not self._body:
        self._data = b""
    return _rebuild(self)


access_control.IAMRequestBase._create_aws_request = _create_aws_request

if __name__ == "__main__":
    sys.argv[0] = "moto_server"
    sys.exit(main())
