"""Forms for sign-up and the profile."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm

from accounts.models import User


class SignupForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name", "language"]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "language", "time_zone", "hours_per_week"]
