"""What is due: steps, deadlines, reviews and follow-ups, and the iCalendar feed."""
