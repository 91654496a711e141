"""IaC state as desired resources (Terraform, CloudFormation, Pulumi) and the index that says
who owns a resource (`index.py`). Pure."""
