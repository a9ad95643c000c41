namespace MockNrfCloud.Abstractions.Matching;

/// <summary>How <see cref="QueryMatcher"/> compares the expected query parameters with a request's.</summary>
public enum QueryMatchMode
{
    /// <summary>The queue's rule: every expected parameter is present in the request (extra ones and order do not
    /// matter); an expected value written <c>/regex/</c> matches as a .NET regex, unanchored.</summary>
    SubsetWithRegexValues,

    /// <summary>"Called with"'s rule (SPEC 5.4): the request's parameters equal the expected ones as a set
    /// (order does not matter, values compare exactly).</summary>
    SetEquality,
}
