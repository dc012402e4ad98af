namespace Remiss.Domain.Remisser;

/// <summary>
/// The remiss's own record of one of its remissinstanser: which organisation, under which id. The remissinstans
/// itself (status, yttrande, anstånd) is the <see cref="Recipient"/> aggregate with the same id.
/// </summary>
public sealed record RecipientEntry(Guid Id, Guid OrganisationId);
