"""`python -m indicators.web [streamlit options]` serves the dashboard (see launcher.py)."""
from indicators.web.launcher import serve

serve()
