using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using SspPortal.Infrastructure.Persistence;

namespace SspPortal.Web.Tests.Components;

/// <summary>Components inject application-service interfaces, never the data layer (CONVENTIONS.md, "Data").</summary>
public sealed class ComponentDependencyTests
{
    private static readonly Assembly WebAssembly = typeof(Program).Assembly;

    public static TheoryData<Type> Components()
    {
        var data = new TheoryData<Type>();
        foreach (var type in WebAssembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void Components_AreFound_InTheWebAssembly()
    {
        var count = Components().Count;

        Assert.True(count > 20, $"Only {count} components found: the reflection no longer sees the portal's components.");
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Component_InjectsNoDataLayerType(Type component)
    {
        var injected = InjectedTypes(component).ToList();

        Assert.DoesNotContain(injected, IsDataLayer);
    }

    [Fact]
    public void IsDataLayer_RecognisesTheDataLayer_SoThatTheGuardCanFail()
    {
        Assert.True(IsDataLayer(typeof(SspDbContext)));
        Assert.True(IsDataLayer(typeof(SspDbContextFactory)));
        Assert.True(IsDataLayer(typeof(IDbContextFactory<SspDbContext>)));
        Assert.True(IsDataLayer(typeof(IQueryable<string>)));
        Assert.False(IsDataLayer(typeof(Application.Profiles.ISelfServiceProfileService)));
    }

    private static IEnumerable<Type> InjectedTypes(Type component)
    {
        for (var type = component; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<InjectAttribute>() is not null)
                {
                    yield return property.PropertyType;
                }
            }

            foreach (var constructor in type.GetConstructors())
            {
                foreach (var parameter in constructor.GetParameters())
                {
                    yield return parameter.ParameterType;
                }
            }
        }
    }

    private static bool IsDataLayer(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || type == typeof(SspDbContextFactory)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>))
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IQueryable<>))
        || type == typeof(IQueryable);
}
