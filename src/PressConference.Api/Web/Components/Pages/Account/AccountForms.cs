using FluentValidation;
using FluentValidation.Results;
using PressConference.Api.Accreditation;
using PressConference.Api.Identity;

namespace PressConference.Api.Web.Components.Pages.Account;

// Page models bound from the posted form. Where the API has a request with a validator, the page's validator runs that
// same validator on the request the form makes, so a page and the API refuse the same values with the same words.

public sealed class SignUpForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public string PreferredLanguage { get; set; } = "vi";

    public RegisterRequest ToRequest() => new(Email ?? string.Empty, Password ?? string.Empty, DisplayName ?? string.Empty, PreferredLanguage);
}

public sealed class SignUpFormValidator : AbstractValidator<SignUpForm>
{
    private readonly IValidator<RegisterRequest> _api;

    public SignUpFormValidator(IValidator<RegisterRequest> api)
    {
        _api = api;
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => Texts.Get("web.account.passwordsDiffer"));
    }

    public override ValidationResult Validate(ValidationContext<SignUpForm> context) =>
        new(_api.Validate(context.InstanceToValidate.ToRequest()).Errors.Concat(base.Validate(context).Errors));
}

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }

    public LoginRequest ToRequest() => new(Email ?? string.Empty, Password ?? string.Empty);
}

public sealed class SignInFormValidator(IValidator<LoginRequest> api) : AbstractValidator<SignInForm>
{
    public override ValidationResult Validate(ValidationContext<SignInForm> context) => api.Validate(context.InstanceToValidate.ToRequest());
}

public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator() => RuleFor(f => f.Email).NotEmpty().EmailAddress().MaximumLength(256);
}

public sealed class ResetPasswordForm
{
    public string? Email { get; set; }
    public string? Code { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(f => f.Code).NotEmpty().MaximumLength(4096);
        RuleFor(f => f.Password).NotEmpty().MaximumLength(128);
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage(_ => Texts.Get("web.account.passwordsDiffer"));
    }
}

public sealed class ProfileForm
{
    public string? FullName { get; set; }
    public string? PenName { get; set; }
    public string? Phone { get; set; }
    public string PreferredLanguage { get; set; } = "vi";

    public ProfileRequest ToRequest() => new(FullName, PenName, Phone, PreferredLanguage);
}

public sealed class ProfileFormValidator(IValidator<ProfileRequest> api) : AbstractValidator<ProfileForm>
{
    public override ValidationResult Validate(ValidationContext<ProfileForm> context) => api.Validate(context.InstanceToValidate.ToRequest());
}
