"""AWS Lambda-style entry point: ``handler.handler`` (see deploy/serverless/template.yaml)."""
