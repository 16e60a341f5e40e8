mod audit_verify;
mod receipts;
