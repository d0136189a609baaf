"""The load bench's baseline (bench/bench_load.py): the smallest Streamlit page a person can use – a text box and a
button – served the same way as the app, so that its latency and server cost show what Streamlit itself costs."""
import streamlit as st

st.title("Baseline")
name = st.text_input("Imię")
if st.button("Wyślij"):
    st.write("Otrzymano", len(name), "znaków.")
