"""Small helpers that create growth data for tests."""

import datetime

from django.utils import timezone

from growth.models import (
    Association,
    Contact,
    Entry,
    Feed,
    Interaction,
    LearningItem,
    Membership,
    ReadingNote,
)


def make_everything(user):
    """One of each growth object for `user`; returns them in a dict named after URL kwargs."""
    today = timezone.localdate()
    item = LearningItem.objects.create(user=user, title="Project management certificate", cost=3000)
    contact = Contact.objects.create(user=user, name="Chloé Martin", follow_up_days=30)
    interaction = Interaction.objects.create(
        contact=contact, date=today - datetime.timedelta(days=40), summary="Coffee"
    )
    association = Association.objects.create(user=user, name="PMI Montréal")
    membership = Membership.objects.create(
        association=association, renews_on=today + datetime.timedelta(days=20)
    )
    feed = Feed.objects.create(user=user, url="http://127.0.0.1:9/feed")
    entry = Entry.objects.create(feed=feed, guid="g1", title="An article", link="http://x.test/1")
    note = ReadingNote.objects.create(user=user, title="A book", takeaways="Listen more.")
    return {
        "item_id": item,
        "contact_id": contact,
        "interaction_id": interaction,
        "association_id": association,
        "membership_id": membership,
        "feed_id": feed,
        "entry_id": entry,
        "note_id": note,
    }
