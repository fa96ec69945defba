"""Property tests of the feed parser: whatever a feed server sends, a clear answer or entries."""

from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from growth import feeds

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=700)
links = st.one_of(
    st.just(""),
    st.builds("http://example.test/{}".format, st.text("abc/-_", max_size=30)),
    st.sampled_from(["javascript:alert(1)", "file:///etc/passwd", "ftp://example.test/x", "/a"]),
)
items = st.lists(
    st.fixed_dictionaries({"title": text, "link": links, "guid": st.one_of(st.just(""), text)}),
    min_size=1,
    max_size=4,
)


def rss(channel_title, entries):
    body = "".join(
        f"<item><title>{escape(e['title'])}</title><link>{escape(e['link'])}</link>"
        + (f"<guid>{escape(e['guid'])}</guid>" if e["guid"] else "")
        + "<description>&lt;p&gt;&lt;b&gt;Bold&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;text"
        "&lt;/p&gt;</description></item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(channel_title)}</title>{body}</channel></rss>"
    ).encode()


@settings(max_examples=60, deadline=None)
@given(text, items)
def test_it_reads_every_entry_of_a_generated_feed_within_its_limits(channel_title, entries):
    title, parsed = feeds.parse(rss(channel_title, entries))
    assert len(title) <= 300
    assert len(parsed) == len(entries)
    for entry in parsed:
        assert len(entry["title"]) <= 500
        assert len(entry["summary"]) <= 2000
        assert entry["summary"] == "Bold text"  # markup and scripts gone, words kept
        assert entry["link"] == "" or feeds.is_fetchable(entry["link"])
        assert entry["guid"] and len(entry["guid"].encode()) <= 500


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=2000), text.map(str.encode)))
def test_it_answers_anything_else_with_a_feed_error_or_entries(body):
    try:
        _title, parsed = feeds.parse(body)
    except feeds.FeedError as error:
        assert str(error)
    else:
        assert isinstance(parsed, list)
