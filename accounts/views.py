"""Sign-up, log-in and out, passwords, the profile with its API tokens, and the language."""

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts import devices, throttle
from accounts.forms import (
    ApiTokenForm,
    DeleteAccountForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignupForm,
)
from accounts.models import ApiToken
from core.access import get_owned_or_404, owned


def remember_language(response, language):
    """Keep the interface language in a cookie, so it survives logging out."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


def signup(request):
    if request.user.is_authenticated:
        return redirect("core:home")
    data = request.POST if request.method == "POST" else None
    form = SignupForm(data, initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        user = form.save()
        auth.login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        translation.activate(user.language)
        messages.success(request, _("Welcome to Parcours! Your account is ready."))
        return remember_language(redirect("core:home"), user.language)
    return render(request, "accounts/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        devices.remember(response, form.get_user().email)
        return remember_language(response, form.get_user().language)


login = LoginView.as_view()


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are logged out. See you soon!"))
        return response


logout = LogoutView.as_view()


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


password_change = PasswordChangeView.as_view()

password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset_form.html",
    form_class=PasswordResetForm,
    email_template_name="accounts/email/password_reset_email.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # Whoever can read the person's email may sign in again at once, from this browser
        # even while the account is slowed down by failures from elsewhere.
        throttle.clear(throttle.Scope.ACCOUNT, form.user.email)
        return devices.remember(super().form_valid(form), form.user.email)


password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


def _profile_page(request, form=None, token_form=None, status=200):
    tokens = owned(ApiToken.objects.active(), request.user)
    context = {
        "form": form or ProfileForm(instance=request.user),
        "token_form": token_form or ApiTokenForm(user=request.user),
        "tokens": tokens,
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request):
    if request.method != "POST":
        return _profile_page(request)
    form = ProfileForm(request.POST, instance=request.user)
    if not form.is_valid():
        # Re-read the person so that the header keeps showing the saved name.
        request.user.refresh_from_db()
        return _profile_page(request, form=form)
    user = form.save()
    translation.activate(user.language)
    messages.success(request, _("Your profile was saved."))
    return remember_language(redirect("accounts:profile"), user.language)


@login_required
@require_POST
@never_cache
def create_token(request):
    form = ApiTokenForm(request.POST, user=request.user)
    if not form.is_valid():
        return _profile_page(request, token_form=form)
    token, raw = form.save()
    # Shown in this response only: the raw token is never stored, and a reload shows nothing.
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def revoke_token(request, token_id):
    token = get_owned_or_404(ApiToken.objects.active(), request.user, pk=token_id)
    if request.method == "POST":
        token.revoke()
        message = _("The token “%(name)s” was revoked: it no longer works.")
        messages.success(request, message % {"name": token.name})
        return redirect(reverse("accounts:profile") + "#tokens")
    return render(request, "accounts/token_revoke.html", {"token": token})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def delete_account(request):
    """Delete the person and everything they own; what others shared with them goes too."""
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        auth.logout(request)
        user.delete()
        messages.success(request, _("Your account and all your data were deleted."))
        # The farewell page speaks the language the person used.
        return remember_language(redirect("core:home"), user.language)
    return render(request, "accounts/delete_account.html", {"form": form})


@require_POST
def set_language(request):
    """Switch the interface language: kept on the profile of a signed-in person, and in a cookie.

    An unknown language changes nothing; `next` must point back to this site, else home.
    """
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = redirect(next_url)
    if language not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return remember_language(response, language)
