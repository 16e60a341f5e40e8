mod audit_verify;
mod emptying;
mod mail_pipe;
mod receipts;
