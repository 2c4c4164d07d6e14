"""Tabs in the object area: one ``TabState`` per tab (its place, Back/Forward, filter,
sort, selection), the tab bar, the commands, and the session saved on exit."""
