"""What the agenda app puts in a person's export (core.portability): the weekly digest choice."""

from core.portability import Collection

SECTIONS = [Collection("digest_subscription", "agenda.DigestSubscription")]
