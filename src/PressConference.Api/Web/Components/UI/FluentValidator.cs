using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace PressConference.Api.Web.Components.UI;

/// <summary>
/// Runs the FluentValidation validator of an EditForm's model (from DI) when the form is submitted, and puts each
/// error next to its field. Validators name fields the API's way (camelCase), so names are matched without case.
/// </summary>
public sealed class FluentValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Inject] private IServiceProvider Services { get; set; } = null!;

    protected override void OnInitialized()
    {
        var context = EditContext ?? throw new InvalidOperationException($"{nameof(FluentValidator)} belongs inside an EditForm.");
        _messages = new ValidationMessageStore(context);
        context.OnValidationRequested += Validate;
    }

    private void Validate(object? sender, ValidationRequestedEventArgs e)
    {
        var context = EditContext!;
        var model = context.Model;
        _messages!.Clear();
        if (Services.GetService(typeof(IValidator<>).MakeGenericType(model.GetType())) is IValidator validator)
        {
            foreach (var error in validator.Validate(new ValidationContext<object>(model)).Errors)
            {
                _messages.Add(context.Field(PropertyOf(model, error.PropertyName)), error.ErrorMessage);
            }
        }

        context.NotifyValidationStateChanged();
    }

    /// <summary>The model's property for a validator's field name ("email" → Email); empty (the whole form) when none.</summary>
    private static string PropertyOf(object model, string name)
    {
        var first = name.Split('.', '[')[0];
        return model.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, first, StringComparison.OrdinalIgnoreCase))?.Name
            ?? string.Empty;
    }

    public void Dispose()
    {
        if (EditContext is not null)
        {
            EditContext.OnValidationRequested -= Validate;
        }
    }
}
