mod delivery;
mod reminders;
