"""Pages of the growth app: the home and the learning plan (learning.py), networking and
associations (network.py), the industry watch and reading log (watch.py). Edit and delete pages
are core.views.owned's, on the person's own records."""
