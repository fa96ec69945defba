"""What the growth app puts in a person's export (core.portability): the learning plan, the
network, professional associations and the industry watch with its reading log."""

from core.portability import Collection

SECTIONS = [
    Collection("learning_items", "growth.LearningItem"),
    Collection("contacts", "growth.Contact"),
    Collection("interactions", "growth.Interaction"),
    Collection("associations", "growth.Association"),
    Collection("memberships", "growth.Membership"),
    Collection("feeds", "growth.Feed"),
    Collection("feed_entries", "growth.Entry"),
    Collection("reading_notes", "growth.ReadingNote"),
]
