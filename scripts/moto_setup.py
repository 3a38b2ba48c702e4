"""Waits for a fresh moto_server, then switches on its SigV4 and IAM checks.

Usage: moto_setup.py URL PID. Prints "ACCESS_KEY_ID SECRET_ACCESS_KEY" of an IAM user
allowed everything; from then on moto verifies every request's signature with that
key, so the tests exercise awsjson's signer against an independent implementation.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

url, pid = sys.argv[1], int(sys.argv[2])

deadline = time.monotonic() + 60
while True:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto_server exited")
    try:
        # Any path answers once the app is up; /moto-api/ is moto's own dashboard.
        urllib.request.urlopen(url + "/moto-api/", timeout=2).read()
        break
    except (urllib.error.URLError, ConnectionError, OSError):
        if time.monotonic() > deadline:
            sys.exit("moto_server did not answer within 60 s")
        time.sleep(0.1)

import boto3  # noqa: E402  (slow to import: only once the server is up)

iam = boto3.client(
    "iam",
    endpoint_url=url,
    region_name="us-east-1",
    aws_access_key_id="bootstrap",
    aws_secret_access_key="bootstrap",
)
iam.create_user(UserName="awsjson-tests")
iam.put_user_policy(
    UserName="awsjson-tests",
    PolicyName="allow-all",
    PolicyDocument=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
        }
    ),
)
key = iam.create_access_key(UserName="awsjson-tests")["AccessKey"]
# The execution role Lambda's CreateFunction names (moto checks that it exists). IAM
# speaks awsQuery, which awsjson does not, so the tests and the Lambda example find it
# here: arn:aws:iam::123456789012:role/awsjson-lambda.
iam.create_role(
    RoleName="awsjson-lambda",
    AssumeRolePolicyDocument=json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    ),
)

# Body 0: no more unauthenticated requests, every later one is checked. (With urllib's
# default form content type Flask would parse the body away.)
request = urllib.request.Request(
    url + "/moto-api/reset-auth",
    data=b"0",
    method="POST",
    headers={"Content-Type": "text/plain"},
)
urllib.request.urlopen(request, timeout=10).read()

print(key["AccessKeyId"], key["SecretAccessKey"])
