namespace Remiss.Web.Components.QuestionTypes;

using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Remiss.Domain.Remisser;
using Remiss.Web.Forms;
using Remiss.Web.Resources;

/// <summary>Marks a component as one of <see cref="Type"/>'s parts: its input, its read-only answer or its settings.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ForQuestionTypeAttribute(QuestionType type) : Attribute
{
    public QuestionType Type { get; } = type;
}

/// <summary>A question type's answer input: its own controls, then the answer's text (<see cref="AnswerTextField"/>).</summary>
public abstract class QuestionTypeInput : ComponentBase
{
    [Parameter, EditorRequired]
    public Question Question { get; set; } = null!;

    [Parameter, EditorRequired]
    public AnswerForm Answer { get; set; } = new();

    /// <summary>The form name of the answer, <c>Input.Answers[i]</c>.</summary>
    [Parameter, EditorRequired]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The id the answer's elements start with, <c>svar-N</c>.</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = string.Empty;

    [Parameter]
    public IReadOnlyList<string> OrganisationNames { get; set; } = [];

    [Parameter]
    public string? Error { get; set; }

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = null!;
}

/// <summary>A question type's part of an answer shown read-only, between "Inga synpunkter" and the answer's text.</summary>
public abstract class QuestionTypeAnswer : ComponentBase
{
    [Parameter, EditorRequired]
    public Question Question { get; set; } = null!;

    [Parameter, EditorRequired]
    public Answer Answer { get; set; } = null!;

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = null!;
}

/// <summary>A submitted answer to a question, under the remissinstans that gave it, as a tally counts it.</summary>
public sealed record RecipientAnswer(string RecipientName, Answer Answer);

/// <summary>
/// A question type's tally on the owner's pages: a chart drawn as SVG on the server with the same numbers as a table.
/// The domain type counts (<see cref="QuestionKind"/>'s subclasses); this part only draws.
/// </summary>
public abstract class QuestionTypeTally : ComponentBase
{
    [Parameter, EditorRequired]
    public Question Question { get; set; } = null!;

    /// <summary>Every submitted answer to the question, in the order the page lists the remissinstanser.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<RecipientAnswer> Answers { get; set; } = [];

    /// <summary>On the question's own page: a Trafikljus question also shows its matrix of remissinstanser × items.</summary>
    [Parameter]
    public bool Detailed { get; set; }

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = null!;

    /// <summary>The chart's ids start with this, unique on a page that shows several questions.</summary>
    protected string ChartId => $"diagram-{Question.Number}";

    /// <summary>How many answers count: those that answer the question or say "Inga synpunkter".</summary>
    protected int Answered => Answers.Count(a => a.Answer.Counts(Question));
}

/// <summary>
/// A question type's settings (options, items…): their fields in the question editor row when <see cref="Shown"/>
/// is null, or the settings of <see cref="Shown"/> read-only on the remiss's question list. Only types with settings have one.
/// </summary>
public abstract class QuestionTypeSettings : ComponentBase
{
    /// <summary>The row's index in <c>Input.Questions</c>.</summary>
    [Parameter]
    public int Index { get; set; }

    [Parameter]
    public QuestionForm Form { get; set; } = new();

    /// <summary>Errors of this row by property name (Options, Items…), already in Swedish.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    /// <summary>A saved question to show the settings of, read-only.</summary>
    [Parameter]
    public Question? Shown { get; set; }

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = null!;

    protected int Number => Index + 1;

    protected string FormPrefix => $"Input.Questions[{Index}]";

    protected string FormId => $"Input_Questions_{Index}_";

    protected string? Error(string property) => Errors.TryGetValue(property, out var message) ? message : null;
}

/// <summary>Every question type's components, found by <see cref="ForQuestionTypeAttribute"/>; nothing else picks a component by type.</summary>
public static class QuestionTypeViews
{
    private static readonly Type[] Components = [.. typeof(QuestionTypeViews).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetCustomAttribute<ForQuestionTypeAttribute>() is not null)];

    public static Type Input(QuestionType type) => Find<QuestionTypeInput>(type) ?? throw Missing(type, "input");

    public static Type Answer(QuestionType type) => Find<QuestionTypeAnswer>(type) ?? throw Missing(type, "read-only answer");

    public static Type Tally(QuestionType type) => Find<QuestionTypeTally>(type) ?? throw Missing(type, "tally");

    /// <summary>The settings component of <paramref name="type"/>, or null when it has no settings.</summary>
    public static Type? Settings(QuestionType type) => Find<QuestionTypeSettings>(type);

    private static Type? Find<TPart>(QuestionType type) =>
        Components.SingleOrDefault(c => c.IsSubclassOf(typeof(TPart)) && c.GetCustomAttribute<ForQuestionTypeAttribute>()!.Type == type);

    private static InvalidOperationException Missing(QuestionType type, string part) => new($"The question type {type} has no {part} component.");
}
