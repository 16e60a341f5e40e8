mod calendar_spread;
mod delivery;
mod reminders;
