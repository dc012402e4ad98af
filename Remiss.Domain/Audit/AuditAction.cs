namespace Remiss.Domain.Audit;

/// <summary>A change of state worth a line in the tenant's log. Stored by name, so values may be added but never renamed.</summary>
public enum AuditAction
{
    RemissCreated = 1,
    RemissEdited = 2,
    RemissSent = 3,
    RecipientsAdded = 4,
    DeadlineMoved = 5,
    RemissWithdrawn = 6,
    RemissClosed = 7,
    ResponseSaved = 10,
    ResponseSubmitted = 11,
    ResponseReopened = 12,
    ResponseDeclined = 13,
    DecisionConfirmed = 14,
    ExtensionRequested = 20,
    ExtensionGranted = 21,
    ExtensionRefused = 22,
    OrganisationAdded = 30,
    OrganisationEdited = 31,
    OrganisationRetired = 32,
    OrganisationReinstated = 33,
    OrganisationsImported = 34,
    UserInvited = 40,
    MembershipsChanged = 41,
    AdminRoleChanged = 42,
    UserDeactivated = 43,
    UserReactivated = 44,
    PasswordSet = 45,
    SettingsChanged = 50,
    TenantCreated = 60,
    TenantSuspended = 61,
    TenantReactivated = 62,
    SignedIn = 70,
    SignInFailed = 71,
}

/// <summary>The Swedish name of each action, as the log and its CSV export show it.</summary>
public static class AuditActions
{
    private static readonly Dictionary<AuditAction, string> Labels = new()
    {
        [AuditAction.RemissCreated] = "Remiss skapad",
        [AuditAction.RemissEdited] = "Remiss ändrad",
        [AuditAction.RemissSent] = "Remiss skickad",
        [AuditAction.RecipientsAdded] = "Remissinstanser tillagda",
        [AuditAction.DeadlineMoved] = "Sista svarsdag ändrad",
        [AuditAction.RemissWithdrawn] = "Remiss återkallad",
        [AuditAction.RemissClosed] = "Remiss stängd",
        [AuditAction.ResponseSaved] = "Yttrande sparat",
        [AuditAction.ResponseSubmitted] = "Yttrande inskickat",
        [AuditAction.ResponseReopened] = "Yttrande öppnat igen",
        [AuditAction.ResponseDeclined] = "Avstår från att yttra sig",
        [AuditAction.DecisionConfirmed] = "Beslut om yttrande",
        [AuditAction.ExtensionRequested] = "Anstånd begärt",
        [AuditAction.ExtensionGranted] = "Anstånd beviljat",
        [AuditAction.ExtensionRefused] = "Anstånd avslaget",
        [AuditAction.OrganisationAdded] = "Organisation tillagd",
        [AuditAction.OrganisationEdited] = "Organisation ändrad",
        [AuditAction.OrganisationRetired] = "Organisation avvecklad",
        [AuditAction.OrganisationReinstated] = "Organisation återinförd",
        [AuditAction.OrganisationsImported] = "Organisationer importerade",
        [AuditAction.UserInvited] = "Användare inbjuden",
        [AuditAction.MembershipsChanged] = "Medlemskap ändrade",
        [AuditAction.AdminRoleChanged] = "Administratörsroll ändrad",
        [AuditAction.UserDeactivated] = "Användare inaktiverad",
        [AuditAction.UserReactivated] = "Användare aktiverad",
        [AuditAction.PasswordSet] = "Lösenord valt",
        [AuditAction.SettingsChanged] = "Inställningar ändrade",
        [AuditAction.TenantCreated] = "Kund skapad",
        [AuditAction.TenantSuspended] = "Kund avstängd",
        [AuditAction.TenantReactivated] = "Kund återaktiverad",
        [AuditAction.SignedIn] = "Inloggning",
        [AuditAction.SignInFailed] = "Misslyckad inloggning",
    };

    public static IReadOnlyList<AuditAction> All { get; } = [.. Enum.GetValues<AuditAction>()];

    public static string Label(AuditAction action) => Labels.TryGetValue(action, out var label) ? label : action.ToString();
}
