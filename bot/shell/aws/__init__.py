"""AWS: access (sessions, clients, errors), live readers, CloudFormation drift."""
