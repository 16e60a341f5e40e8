mod audit_verify;
mod emptying;
mod receipts;
