"""The app's frame, run on every page: navigation, sidebar, "Stan prawny na dzień", the role-grouped menu and the
error guard (ui/frame.py), around the page asked for (app_pages/, registered in ui/state.py).

The page scripts live in app_pages/, not pages/: with a pages/ folder beside this file Streamlit starts in its old
automatic multipage mode and, on a fresh server or in AppTest, runs a requested page file without this frame.
"""
from ui import frame

frame.run()
