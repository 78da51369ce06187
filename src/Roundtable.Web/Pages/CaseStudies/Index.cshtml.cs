using Microsoft.AspNetCore.Mvc.RazorPages;
using Roundtable.Web.Infrastructure.Auth;
using Roundtable.Web.Projects;

namespace Roundtable.Web.Pages.CaseStudies;

// The signed-in delegate's case studies: only those of their cohort whose window has opened.
public class IndexModel(Roundtable.Web.Projects.CaseStudies caseStudies, TimeProvider time) : PageModel
{
    public List<DelegateCaseStudy> CaseStudies { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.UtcNow();
        CaseStudies = await caseStudies.ForDelegateAsync(User.UserId(), ct);
    }
}
