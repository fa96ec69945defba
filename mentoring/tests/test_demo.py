from core.demo import load_demo
from mentoring.models import Feedback, Mentorship, Session, Thanks


def test_it_loads_the_demo_twice_without_duplicates(db):
    people = load_demo()
    load_demo()
    mentorship = Mentorship.objects.get(mentor=people["mentor"], mentee=people["seeker"])
    assert mentorship.status == "active"
    assert Session.objects.filter(mentorship=mentorship).count() == 2
    past = [s for s in Session.objects.all() if s.is_past]
    assert past[0].questions and past[0].shared_notes
    assert Feedback.objects.count() == 1 and Thanks.objects.count() == 1
    assert people["mentor"].mentor_profile.places_left == 2
