using FluentValidation;

namespace PressConference.Api.Outlets;

public sealed record OutletRequest(string? Name, IReadOnlyList<string>? Aliases, string? LicenceNumber, OutletKind? Kind, OutletStatus? Status,
    DateOnly? StatusFrom, DateOnly? StatusUntil, string? ContactEmail, string? ContactPhone, string? Address);

public sealed record OutletResponse(Guid Id, string Name, IReadOnlyList<string> Aliases, string? LicenceNumber, OutletKind Kind, OutletStatus Status,
    DateOnly? StatusFrom, DateOnly? StatusUntil, string? ContactEmail, string? ContactPhone, string? Address)
{
    public static OutletResponse From(Outlet o) => new(o.Id, o.Name, o.Aliases.OrderBy(a => a.Id).Select(a => a.Name).ToList(), o.LicenceNumber,
        o.Kind, o.Status, o.StatusFrom, o.StatusUntil, o.ContactEmail, o.ContactPhone, o.Address);
}

/// <summary>What a name look-up found: the outlet, and the alias it matched when it was not the current name.</summary>
public sealed record OutletMatchResponse(OutletResponse Outlet, bool MatchedByAlias, string? MatchedAlias);

public sealed class OutletRequestValidator : AbstractValidator<OutletRequest>
{
    public OutletRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(300);
        RuleFor(r => r.Aliases).Must(a => a is null || a.Count <= 50).WithMessage(_ => Texts.Get("validation.value"));
        RuleForEach(r => r.Aliases).NotEmpty().MaximumLength(300);
        RuleFor(r => r.LicenceNumber).MaximumLength(60);
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Status).NotNull();
        RuleFor(r => r.StatusUntil).GreaterThanOrEqualTo(r => r.StatusFrom).When(r => r.StatusFrom is not null && r.StatusUntil is not null)
            .WithMessage(_ => Texts.Get("outlet.statusDates"));
        RuleFor(r => r.ContactEmail).EmailAddress().MaximumLength(256);
        RuleFor(r => r.ContactPhone).MaximumLength(30).Matches(@"^[0-9+().\s-]*$");
        RuleFor(r => r.Address).MaximumLength(500);
    }
}
