namespace Remiss.Tests.Domain;

using Remiss.Domain.Common;
using Remiss.Domain.Organisations;
using Remiss.Tests.TestSupport;

public sealed class TenantDocumentTemplateTests
{
    private static DocumentTemplate Template(string name = "Malmö stad.dotx") => new(name, "2026/11/0191a5c2000070008000000000000001", 42_000, A.Now);

    [Fact]
    public void A_new_tenant_has_no_template_and_setting_one_returns_the_one_it_replaces()
    {
        var tenant = A.Tenant();
        Assert.Null(tenant.DocumentTemplate);
        var first = Template();
        Assert.Null(tenant.SetDocumentTemplate(first));
        var second = Template("Ny mall.dotx");
        Assert.Equal(first, tenant.SetDocumentTemplate(second));
        Assert.Equal(second, tenant.DocumentTemplate);
    }

    [Fact]
    public void Removing_the_template_goes_back_to_the_default_and_removing_none_is_refused()
    {
        var tenant = A.Tenant();
        tenant.SetDocumentTemplate(Template());
        Assert.Equal("Malmö stad.dotx", tenant.RemoveDocumentTemplate().FileName);
        Assert.Null(tenant.DocumentTemplate);
        Assert.Throws<DomainException>(tenant.RemoveDocumentTemplate).AssertRefused(Field.File, RefusalKey.NoDocumentTemplate);
    }

    [Fact]
    public void A_template_needs_a_name_a_key_and_content()
    {
        Assert.Throws<DomainException>(() => new DocumentTemplate(" ", "key", 1, A.Now));
        Assert.Throws<DomainException>(() => new DocumentTemplate("mall.dotx", "", 1, A.Now));
        Assert.Throws<DomainException>(() => new DocumentTemplate("mall.dotx", "key", 0, A.Now));
    }
}
