mod calendar_spread;
mod delivery;
mod mailbox;
mod reminders;
