//! (pages added below)
