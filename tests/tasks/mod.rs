mod audit_verify;
