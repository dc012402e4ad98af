namespace Remiss.Web.Hosting;

using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

/// <summary>Model binding's own messages ("The value '' is invalid") in Swedish.</summary>
public static class SwedishModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "Ange ett värde.");
        messages.SetMissingBindRequiredValueAccessor(name => $"{name} saknas.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Formuläret är tomt.");
        messages.SetAttemptedValueIsInvalidAccessor((value, name) => $"”{value}” är inte ett giltigt värde för {name}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"”{value}” är inte ett giltigt värde.");
        messages.SetUnknownValueIsInvalidAccessor(name => $"Värdet för {name} är ogiltigt.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är ogiltigt.");
        messages.SetValueIsInvalidAccessor(value => $"”{value}” är ogiltigt.");
        messages.SetValueMustBeANumberAccessor(name => $"{name} måste vara ett tal.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett tal.");
    }
}
