package org.npyfile.internal.pickle;

import java.util.Map;
import org.npyfile.python.PyGlobal;

/**
 * Python 3's {@code fix_imports} for pickles of protocol 0 to 2 ({@code _compat_pickle}): the
 * Python 2 names of modules and globals that matter for data, so that the allowlist and inert
 * descriptions see the names Python 3 would see ({@code __builtin__.xrange} is
 * {@code builtins.range}). Only names change; nothing is looked up.
 */
final class Python2Names {

    private static final Map<String, String> MODULES = Map.ofEntries(
            Map.entry("__builtin__", "builtins"), Map.entry("copy_reg", "copyreg"), Map.entry("Queue", "queue"),
            Map.entry("cPickle", "pickle"), Map.entry("StringIO", "io"), Map.entry("cStringIO", "io"),
            Map.entry("UserDict", "collections"), Map.entry("UserList", "collections"),
            Map.entry("UserString", "collections"), Map.entry("repr", "reprlib"),
            Map.entry("ConfigParser", "configparser"), Map.entry("SocketServer", "socketserver"),
            Map.entry("thread", "_thread"), Map.entry("httplib", "http.client"), Map.entry("urlparse", "urllib.parse"),
            Map.entry("htmlentitydefs", "html.entities"), Map.entry("HTMLParser", "html.parser"),
            Map.entry("cookielib", "http.cookiejar"), Map.entry("Cookie", "http.cookies"),
            Map.entry("xmlrpclib", "xmlrpc.client"), Map.entry("_elementtree", "xml.etree.ElementTree"));

    private static final Map<String, PyGlobal> NAMES = Map.ofEntries(
            Map.entry("__builtin__.xrange", new PyGlobal("builtins", "range")),
            Map.entry("__builtin__.reduce", new PyGlobal("functools", "reduce")),
            Map.entry("__builtin__.intern", new PyGlobal("sys", "intern")),
            Map.entry("__builtin__.unichr", new PyGlobal("builtins", "chr")),
            Map.entry("__builtin__.unicode", new PyGlobal("builtins", "str")),
            Map.entry("__builtin__.long", new PyGlobal("builtins", "int")),
            Map.entry("__builtin__.basestring", new PyGlobal("builtins", "str")),
            Map.entry("itertools.izip", new PyGlobal("builtins", "zip")),
            Map.entry("itertools.imap", new PyGlobal("builtins", "map")),
            Map.entry("itertools.ifilter", new PyGlobal("builtins", "filter")),
            Map.entry("itertools.ifilterfalse", new PyGlobal("itertools", "filterfalse")),
            Map.entry("itertools.izip_longest", new PyGlobal("itertools", "zip_longest")),
            Map.entry("UserDict.IterableUserDict", new PyGlobal("collections", "UserDict")),
            Map.entry("exceptions.StandardError", new PyGlobal("builtins", "Exception")));

    private Python2Names() {
    }

    static PyGlobal map(String module, String name) {
        PyGlobal named = NAMES.get(module + "." + name);
        if (named != null) {
            return named;
        }
        if (module.equals("exceptions")) {
            return new PyGlobal("builtins", name);
        }
        return new PyGlobal(MODULES.getOrDefault(module, module), name);
    }
}
