using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace PressConference.Tests.Architecture;

/// <summary>
/// Features depend one way (docs/architecture.md): the type references between the feature namespaces of the API,
/// read from its IL by ArchUnitNET, form no cycle and follow the agreed layers; and no <c>*Endpoints</c> class is
/// used by another type than itself and Program, so every rule a page or a job needs lives in a service.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Root = "PressConference.Api.";

    /// <summary>Every feature may use these, and they may name any feature: the one AppDbContext, problem details, texts, demo data.</summary>
    private static readonly string[] SharedKernel = ["Data", "Infrastructure", "Demo"];

    /// <summary>Bottom to top; a feature names types only of features in lower layers.</summary>
    private static readonly string[][] Layers =
    [
        ["Identity", "Outlets", "Spokespersons", "RemotePoints"],
        ["Briefings"],
        ["Series", "Compliance", "Calendar"],
        ["Accreditation"],
        ["Incidents"],
        ["Passes"],
        ["CheckIn"],
        ["Notifications"],
        ["Door", "Web"],
    ];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Api =
        new(() => new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build());

    [Test]
    public void Feature_namespaces_form_no_cycle()
    {
        var edges = FeatureEdges();
        var cycles = StronglyConnected(edges.Keys.Select(e => e.From).Concat(edges.Keys.Select(e => e.To)).Distinct(StringComparer.Ordinal),
                edges.Keys.ToList())
            .Where(c => c.Count > 1)
            .Select(c => $"{string.Join(" ⇄ ", c)}:\n    " + string.Join("\n    ", edges
                .Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To))
                .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})")))
            .ToList();
        Assert.That(cycles, Is.Empty, "Feature namespaces depend on each other in a loop:\n" + string.Join("\n", cycles));
    }

    [Test]
    public void Every_feature_names_only_features_below_it()
    {
        var layerOf = Layers.SelectMany((features, layer) => features.Select(f => (f, layer))).ToDictionary(x => x.f, x => x.layer);
        var features = FeatureEdges().Keys.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal);
        Assert.That(features.Where(f => !layerOf.ContainsKey(f)), Is.Empty, "every feature namespace has a layer in this test and in docs/architecture.md");

        var upward = FeatureEdges().Where(e => layerOf.GetValueOrDefault(e.Key.From, -1) <= layerOf.GetValueOrDefault(e.Key.To, -1))
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})").ToList();
        Assert.That(upward, Is.Empty, "A feature names a feature of its own or a higher layer; go through a seam instead:\n" + string.Join("\n", upward));
    }

    [Test]
    public void No_Endpoints_class_is_used_outside_itself_and_Program()
    {
        var uses = ApiTypes()
            .Where(t => OwnerName(t) != "Program")
            .SelectMany(t => Targets(t).Select(target => (Origin: t, Target: target)))
            .Where(d => OwnerName(d.Target).EndsWith("Endpoints", StringComparison.Ordinal)
                && d.Target.FullName.StartsWith(Root, StringComparison.Ordinal)
                && Owner(d.Target) != Owner(d.Origin))
            .Select(d => $"{Owner(d.Origin)} uses {Owner(d.Target)}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(uses, Is.Empty, "Endpoints classes hold handlers only; move what others call into a service:\n" + string.Join("\n", uses));
    }

    /// <summary>(from feature, to feature) → one example type reference, for the failure message.</summary>
    private static Dictionary<(string From, string To), string> FeatureEdges()
    {
        var edges = new Dictionary<(string From, string To), string>();
        foreach (var type in ApiTypes())
        {
            if (Feature(type) is not { } from)
            {
                continue;
            }

            foreach (var target in Targets(type))
            {
                if (Feature(target) is { } to && to != from)
                {
                    edges.TryAdd((from, to), $"{Owner(type)} → {Owner(target)}");
                }
            }
        }

        return edges;
    }

    private static IEnumerable<IType> ApiTypes() => Api.Value.Types.Where(t => t.Assembly.FullName == typeof(Program).Assembly.FullName);

    /// <summary>Every type a type refers to: its members' signatures, bodies, base types, attributes, and their generic arguments.</summary>
    private static IEnumerable<IType> Targets(IType type) => type.Dependencies
        .SelectMany(d => d is ArchUnitNET.Domain.Dependencies.ITypeDependency typed
            ? new[] { typed.Target }.Concat(typed.TargetGenericArguments.Select(a => a.Type))
            : [d.Target]);

    /// <summary>The feature folder of a type (first namespace segment under the API's root), or null for the kernel and Program.</summary>
    private static string? Feature(IType type)
    {
        var ns = type.Namespace.FullName;
        if (!ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var feature = ns[Root.Length..].Split('.')[0];
        return SharedKernel.Contains(feature) ? null : feature;
    }

    /// <summary>The outermost declaring type (closures and state machines belong to the class they were written in).</summary>
    private static string Owner(IType type)
    {
        var name = type.FullName;
        var cut = name.IndexOfAny(['+', '/', '<', '`']);
        return cut < 0 ? name : name[..cut];
    }

    private static string OwnerName(IType type)
    {
        var owner = Owner(type);
        return owner[(owner.LastIndexOf('.') + 1)..];
    }

    /// <summary>Tarjan's strongly connected components: each component with more than one feature is a cycle.</summary>
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, List<(string From, string To)> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var (_, next) in edges.Where(e => e.From == node))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                result.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }

        foreach (var node in nodes.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }
}
